/**
 * Tekst til terminalen: kontrolltegn fra inndata (ESC, CR, NUL, bidi-styring …) skrives synlig i stedet for å
 * virke, så et navn med «\x1b[2J» eller «\r» ikke kan tømme skjermen eller skrive over en linje (issue 11
 * pkt. 20). Linjeskift og tabulator beholdes, og likeså fargekodene (SGR, «ESC[…m») som nh selv lager.
 */
// ESC[…m (SGR, farger fra chalk) slippes gjennom; alle andre kontrolltegn byttes ut.
const MOENSTER = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalTrygg(tekst: string): string {
  return tekst.replace(MOENSTER, (m) => {
    if (m.length > 1) return m;
    const kode = m.charCodeAt(0);
    if (kode < 0x20) return String.fromCharCode(0x2400 + kode); // ␛, ␍, ␀ …
    if (kode === 0x7f) return '\u2421'; // ␡
    return `<U+${kode.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/** Som terminalTrygg, men også linjeskift og tabulator vises (␊ ␉): for én verdi sitert i en melding. */
export function synligVerdi(tekst: string): string {
  // Også ESC i en fargekode: en verdi fra inndata har aldri nh sine farger, og «ESC[8m» ville skjult resten.
  return terminalTrygg(tekst).replace(/[\n\t\u001b]/g, (m) => String.fromCharCode(0x2400 + m.charCodeAt(0)));
}
