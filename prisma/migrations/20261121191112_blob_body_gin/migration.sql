-- CreateIndex
CREATE INDEX "blob_body_idx" ON "blob" USING GIN ("body" jsonb_path_ops);
