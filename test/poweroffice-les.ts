/**
 * Leser PowerOffice Go «Standardimport»-filer slik PowerOffice beskriver dem — skrevet fra dokumentasjonen, ikke
 * fra nh sin skriver, så testene sjekker formen og ikke bare at nh er enig med seg selv:
 *  - «Bilagsimport»: cellen over og til venstre for tabellen er `[Vouchers]`; semikolon-CSV; «for bilagstype 1 og 2
 *    (inn- og utgående fakturaer) er det kun tillatt med èn reskontroføring per bilag der reskontro også er påkrevd»;
 *    API-eksempelet CustomerInvoicesImport: linjene med samme DocumentNumber er ett bilag, nøyaktig én linje har
 *    CustomerCode (hodet: InvoiceNo, Cid, DueDate), salgslinjene har AccountNumber og VatCode, og beløpene går i null.
 *  - «Ordreimport»: `[Orders]`; linje 1 er ordrehodet, linjene under er produkt-/salgslinjene; SalesOrder tar et
 *    ordrenummer som tall, salgslinjen en produktkode.
 */
import { parse } from 'csv-parse/sync';

export type PoBilag = {
  nr: string;
  type: string;
  reskontro: Record<string, string>;
  linjer: Record<string, string>[];
};

const ore = (s: string) => {
  if (!/^-?\d+(,\d{1,2})?$/.test(s)) throw new Error(`ugyldig beløp «${s}» (desimalkomma forventet)`);
  const [h, d = ''] = s.replace('-', '').split(',');
  return (s.startsWith('-') ? -1 : 1) * (Number(h) * 100 + Number(d.padEnd(2, '0')));
};
export const poOre = ore;
const DATO = /^\d{2}\.\d{2}\.\d{4}$/;

function tabell(tekst: string, merke: string): Record<string, string>[] {
  const rader = parse(tekst.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
  if (rader[0]?.[0] !== merke) throw new Error(`første celle er «${rader[0]?.[0]}», ikke ${merke}`);
  const hode = rader[1]!;
  return rader.slice(2).map((r) => Object.fromEntries(hode.map((h, i) => [h, r[i] ?? ''])));
}

/** `[Vouchers]` → bilagene; kaster når formen ikke er den dokumenterte. */
export function lesPowerofficeBilag(tekst: string, { faktura }: { faktura: boolean }): PoBilag[] {
  const grupper = new Map<string, Record<string, string>[]>();
  for (const r of tabell(tekst, '[Vouchers]')) {
    if (!r.DocumentNumber) throw new Error('linje uten DocumentNumber');
    if (!DATO.test(r.DocumentDate!)) throw new Error(`DocumentDate «${r.DocumentDate}»`);
    grupper.set(r.DocumentNumber, [...(grupper.get(r.DocumentNumber) ?? []), r]);
  }
  return [...grupper].map(([nr, linjer]) => {
    const sum = linjer.reduce((s, l) => s + ore(l.Amount!), 0);
    if (sum !== 0) throw new Error(`bilag ${nr} går ikke i null (${sum} øre)`);
    const reskontro = linjer.filter((l) => l.CustomerCode);
    if (faktura) {
      if (reskontro.length !== 1) throw new Error(`bilag ${nr}: ${reskontro.length} reskontrolinjer, ikke én`);
      const h = reskontro[0]!;
      if (!/^\d+$/.test(h.InvoiceNo!) || !DATO.test(h.DueDate!)) throw new Error(`bilag ${nr}: fakturahodet mangler`);
      if (linjer.some((l) => l !== h && (!/^\d{4,}$/.test(l.AccountNumber!) || !l.VatCode)))
        throw new Error(`bilag ${nr}: en salgslinje mangler konto eller mva-kode`);
    } else if (reskontro.length) throw new Error(`bilag ${nr}: reskontro i et vanlig bilag`);
    return {
      nr,
      type: linjer[0]!.VoucherType!,
      reskontro: reskontro[0] ?? {},
      linjer: linjer.filter((l) => !l.CustomerCode),
    };
  });
}

export type PoOrdre = { hode: Record<string, string>; linjer: Record<string, string>[] };

/** `[Orders]` → ordrene (hode + linjer); kaster når formen ikke er den dokumenterte. */
export function lesPowerofficeOrdrer(tekst: string): PoOrdre[] {
  const rader = tabell(tekst, '[Orders]');
  const ut: PoOrdre[] = [];
  for (const r of rader) {
    if (r.OrderNo) {
      if (!/^\d+$/.test(r.OrderNo)) throw new Error(`OrderNo «${r.OrderNo}» er ikke et tall`);
      ut.push({ hode: r, linjer: [] });
    } else {
      if (!ut.length) throw new Error('salgslinje før ordrehodet');
      if (!r.ProductCode) throw new Error('salgslinje uten produktkode (blir en tekstlinje)');
      ut.at(-1)!.linjer.push(r);
    }
  }
  for (const o of ut) if (!o.linjer.length) throw new Error(`ordre ${o.hode.OrderNo} uten salgslinjer`);
  return ut;
}
