import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

type SchemaEngine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

let wasmLoaded = false;

// Node has WebAssembly at run time; the ES lib typings we compile with do not declare it.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
function wasm(): WasmApi {
  return (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
}

/**
 * Prisma's own schema engine compiled to wasm. Prisma's CLI needs a native engine that cannot be
 * downloaded offline; this one ships in an npm package (STACK-NOTES Q2). Not a public API: the
 * package version is pinned exactly in package.json.
 */
export async function openSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  if (!wasmLoaded) {
    // createRequire rather than import.meta.resolve: vitest's module runner lacks the latter.
    const entry = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    );
    const url = join(dirname(entry), 'schema_engine_bg.wasm');
    const { instance } = await wasm().instantiate(readFileSync(url), {
      './schema_engine_bg.js': bg,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
    wasmLoaded = true;
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bg.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
}
