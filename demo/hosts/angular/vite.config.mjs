// Angular without the CLI: `ngc` (Angular's own AOT compiler, which the CLI drives) compiles
// src/ to out/, then Vite bundles it. Angular's npm packages ship partially compiled; the linker
// (a Babel plugin in @angular/compiler-cli) finishes them at bundle time, as the CLI does, so
// no JIT compiler (and no eval) reaches the page.
import { transformAsync } from '@babel/core';
import angularLinkerPlugin from '@angular/compiler-cli/linker/babel';
import { defineConfig } from 'vite';

const angularLinker = {
  name: 'angular-linker',
  async transform(code, id) {
    if (!/node_modules[\\/]@angular[\\/].+\.m?js$/.test(id) || !code.includes('ɵɵngDeclare'))
      return;
    const result = await transformAsync(code, {
      filename: id,
      babelrc: false,
      configFile: false,
      compact: false,
      sourceMaps: true,
      plugins: [angularLinkerPlugin],
    });
    return { code: result.code, map: result.map };
  },
};

export default defineConfig({
  base: './',
  plugins: [angularLinker],
  // What the CLI defines for a production build: Angular's development checks and JIT paths drop out.
  define: {
    ngDevMode: 'false',
    ngJitMode: 'false',
    ngI18nClosureMode: 'false',
    ngServerMode: 'false',
    ngHmrMode: 'false',
  },
});
