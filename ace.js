/*
| JavaScript entrypoint for ace commands: register the TypeScript loader,
| then hand over to bin/console.ts. Run it through npm scripts
| (`npm run ace -- <command>`) so that the project's Node 24 is used.
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
