import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { DocsValg } from '../app/docs/valg.js';

export function definer(program: Command): Command {
  return program
    .command('docs')
    .description('dokumentasjonen som følger med nh: emnene, eller teksten for ett emne (f.eks. «nh docs faktura»)')
    .argument('[emne]', 'emnet, f.eks. faktura, datasett, json (uten emne: listen med filene)')
    .option('--sti', 'skriv bare den fulle stien til filen')
    .option('--json', 'maskinlesbart resultat på stdout')
    .action(async (emne: string | undefined, valg: DocsValg) => {
      await kjor({ json: valg.json }, async (k) => (await import('../app/docs/docs.js')).docs(k, emne, valg));
    });
}
