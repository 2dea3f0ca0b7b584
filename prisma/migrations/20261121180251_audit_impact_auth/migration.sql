-- CreateTable
CREATE TABLE "proposal" (
    "id" BIGSERIAL NOT NULL,
    "environment_id" INTEGER NOT NULL,
    "base_version" INTEGER NOT NULL,
    "source" TEXT,
    "commit" TEXT,
    "author" TEXT,
    "digest" TEXT NOT NULL,
    "object_hashes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_cache" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_cache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "version_findings" (
    "version_id" BIGINT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_findings_pkey" PRIMARY KEY ("version_id","engine_version")
);

-- CreateTable
CREATE TABLE "version_tag" (
    "environment_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "version_tag_pkey" PRIMARY KEY ("environment_id","tag")
);

-- CreateTable
CREATE TABLE "retention_policy" (
    "environment_id" INTEGER NOT NULL,
    "keep_versions" INTEGER,
    "keep_days" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_policy_pkey" PRIMARY KEY ("environment_id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "environments" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "proposal_environment_id_created_at_idx" ON "proposal"("environment_id", "created_at");

-- CreateIndex
CREATE INDEX "version_tag_environment_id_version_idx" ON "version_tag"("environment_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_secret_hash_key" ON "api_token"("secret_hash");
