/**
 * «Slår opp … i Brønnøysundregistrene …» mens nh venter på nettet (issue 19 pkt. 3): meldingen kommer med én gang
 * på stderr — aldri på stdout, så --json forblir ren JSON. På en TTY (stderr er en terminal, ikke CI) går en
 * spinner (yocto-spinner) til svaret er der; ellers skrives meldingen én gang som en vanlig linje, og utfallet
 * meldes bare én gang (som advarsel eller feil), aldri to ganger.
 */
import { gjeldende } from './prosess.js';

export type Framdrift = {
  /** Oppslaget lyktes: på TTY erstattes spinneren av «✔ <tekst>»; ellers skrives ingenting mer. */
  ferdig(tekst: string): void;
  /** Oppslaget feilet: på TTY «✖ <tekst>» med en gang; ellers ingenting (feilen meldes én gang senere). */
  feilet(tekst: string): void;
  /** true når utfallet ble vist her (TTY), så kalleren ikke viser det en gang til. */
  readonly paaTerminal: boolean;
};

/** Start en framdriftsmelding på stderr. */
export async function startFramdrift(tekst: string): Promise<Framdrift> {
  const io = gjeldende();
  const ci = Boolean(io.env.CI) && io.env.CI !== 'false';
  const stderr = io.stderr as NodeJS.WriteStream;
  if (!stderr.isTTY || ci || io.env.TERM === 'dumb') {
    io.stderr.write(`${tekst}\n`);
    return { ferdig: () => {}, feilet: () => {}, paaTerminal: false };
  }
  const { default: spinner } = await import('yocto-spinner');
  const s = spinner({ text: tekst, stream: stderr }).start();
  return {
    ferdig: (t) => void s.success(t),
    feilet: (t) => void s.error(t),
    paaTerminal: true,
  };
}
