-- CreateTable
CREATE TABLE "validation_settings" (
    "environment_id" INTEGER NOT NULL,
    "disabled_codes" TEXT[],
    "level_overrides" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "validation_settings_pkey" PRIMARY KEY ("environment_id")
);

-- AddForeignKey
ALTER TABLE "validation_settings" ADD CONSTRAINT "validation_settings_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
