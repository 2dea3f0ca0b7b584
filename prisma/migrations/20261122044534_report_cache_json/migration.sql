-- report_cache.report becomes `json` (text kept as written) instead of `jsonb` (keys reordered):
-- a report served from the cache must be byte-identical to the freshly computed one
-- (contracts: same input, same output bytes). Existing rows already have jsonb's key order and
-- cannot be put back, so they are deleted: report_cache is only a cache, and each report is
-- computed again (and stored in the new form) the next time it is asked for.
DELETE FROM "report_cache";

-- AlterTable
ALTER TABLE "report_cache" ALTER COLUMN "report" SET DATA TYPE JSON;
