import { readFileSync } from 'node:fs';
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
    const url = new URL(
      'schema_engine_bg.wasm',
      import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'),
    );
    const { instance } = await wasm().instantiate(readFileSync(url), {
      './schema_engine_bg.js': bg,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(instance.exports as never);
    exports.__wbindgen_start();
    wasmLoaded = true;
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return bg.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
}
