-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "environment" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'cluster',
    "repo" TEXT,
    "branch" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latest_version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "commit" TEXT,
    "branch" TEXT,
    "author" TEXT,
    "message" TEXT,
    "source" TEXT,
    "digest" TEXT NOT NULL,
    "object_count" INTEGER NOT NULL,
    "added_count" INTEGER NOT NULL,
    "modified_count" INTEGER NOT NULL,
    "removed_count" INTEGER NOT NULL,

    CONSTRAINT "version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blob" (
    "hash" TEXT NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "blob_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "resource_revision" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" INTEGER NOT NULL,
    "object_id" TEXT NOT NULL,
    "api_group" TEXT NOT NULL,
    "api_version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "known" BOOLEAN NOT NULL DEFAULT true,
    "hash" TEXT NOT NULL,
    "valid_from" INTEGER NOT NULL,
    "valid_to" INTEGER,
    "source_file" TEXT,

    CONSTRAINT "resource_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "environment_name_key" ON "environment"("name");

-- CreateIndex
CREATE INDEX "version_environment_id_created_at_idx" ON "version"("environment_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "version_environment_id_number_key" ON "version"("environment_id", "number");

-- CreateIndex
CREATE INDEX "resource_revision_environment_id_valid_to_idx" ON "resource_revision"("environment_id", "valid_to");

-- CreateIndex
CREATE INDEX "resource_revision_environment_id_kind_namespace_name_idx" ON "resource_revision"("environment_id", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "resource_revision_hash_idx" ON "resource_revision"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "resource_revision_environment_id_object_id_valid_from_key" ON "resource_revision"("environment_id", "object_id", "valid_from");

-- AddForeignKey
ALTER TABLE "version" ADD CONSTRAINT "version_environment_id_fkey" FOREIGN KEY ("environment_id") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_revision" ADD CONSTRAINT "resource_revision_hash_fkey" FOREIGN KEY ("hash") REFERENCES "blob"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
