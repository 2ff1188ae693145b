import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { KtsPlanValg } from '../app/kts-plan/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('kts-plan')
    .description(
      'kundetilfredshetsundersøkelsen: opplastingsfil for den kvartalsvise AVI-oppdateringen, plan for utsendingene og kalender — programveileder 6.3, 11.1',
    );
  medFellesValg(cmd)
    .option(
      '--frist <dato>',
      'AVI-fristen (1. mars/juni/september/desember, eller 31. desember for årsslutt; standard: den neste fra i dag) → avi/avi-oppdatering-<frist>.xlsx/.csv',
    )
    .option(
      '--plan <år>',
      'alle utsendinger (oppstart/underveis/exit) i året med måned og frist; skriver ingen opplastingsfil',
    )
    .option(
      '--ics <fil>',
      'iCalendar-fil med AVI-fristene, utsendingsmånedene og de andre fristene i 11.1 for året (--plan, ellers året i nh.json)',
    )
    .option(
      '--siden <dato>',
      'AVI var oppdatert per denne datoen: eldre registreringer tas ikke med (standard uten logg: forrige AVI-frist)',
    )
    .option('--forhandsvis', 'vis opplastingsfilens rader uten å skrive filer eller logg')
    .option('--overskriv', 'erstatt opplastingsfiler (eller ICS-fil) som finnes fra før')
    .option(
      '--ut <mappe>',
      'mappen opplastingsfilene skrives til (standard: avi/ i arbeidsmappen; loggen blir alltid i avi/)',
    )
    .action(async (valg: KtsPlanValg) => {
      await kjor(valg, async (k) => (await import('../app/kts-plan/kts-plan.js')).ktsPlan(k, valg));
    });
  return cmd;
}
