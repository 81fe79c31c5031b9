import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvRecordParser } from './csv-record-parser';

interface Output {
  records: Array<{ fields: string[]; line: number }>;
  errors: Array<{ message: string; line: number }>;
}

function parseInChunks(text: string, cuts: number[] = [], maxRecordLength?: number): Output {
  const output: Output = { records: [], errors: [] };
  const parser = new CsvRecordParser(
    (fields, line) => output.records.push({ fields, line }),
    (message, line) => output.errors.push({ message, line }),
    maxRecordLength,
  );
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.end();
  return output;
}

function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('CsvRecordParser', () => {
  it('splits plain lines and numbers them, skipping blank lines, with LF or CRLF', () => {
    const out = parseInChunks('a,b,c\r\n1,2,3\n\n4,,6\r\n');
    expect(out.errors).toEqual([]);
    expect(out.records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '2', '3'], line: 2 },
      { fields: ['4', '', '6'], line: 4 },
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks, and counts the lines they span', () => {
    const out = parseInChunks('id,note\n1,"a, ""quoted""\nvalue"\n2,plain\n"3",x');
    expect(out.errors).toEqual([]);
    expect(out.records).toEqual([
      { fields: ['id', 'note'], line: 1 },
      { fields: ['1', 'a, "quoted"\nvalue'], line: 2 },
      { fields: ['2', 'plain'], line: 4 },
      { fields: ['3', 'x'], line: 5 },
    ]);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(parseInChunks('\uFEFFa,b\n').records).toEqual([{ fields: ['a', 'b'], line: 1 }]);
  });

  it('reports malformed records with their line and goes on with the next line', () => {
    const out = parseInChunks('h1,h2\nok,1\nba"d,2\n"x"y,3\nfine,4\n"never closed,5\n');
    expect(out.records).toEqual([
      { fields: ['h1', 'h2'], line: 1 },
      { fields: ['ok', '1'], line: 2 },
      { fields: ['fine', '4'], line: 5 },
    ]);
    expect(out.errors.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(out.errors[0].message).toMatch(/quote inside an unquoted field/);
    expect(out.errors[1].message).toMatch(/after a closing quote/);
    expect(out.errors[2].message).toMatch(/not closed/);
  });

  it('keeps memory bounded: an overlong record is reported and skipped', () => {
    const long = 'x'.repeat(5000);
    const out = parseInChunks(`a,b\n${long},1\nc,d\n"${long}\n`, [100, 2000, 4000], 1000);
    expect(out.records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 3 },
    ]);
    expect(out.errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('agrees with csv-parse on any well-formed CSV, however the stream is cut', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 ._-]{0,12}$/),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/\r/g, '')),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 6 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, crlf, rawCuts) => {
          const text = records.map((fields) => fields.map(toCsvField).join(',')).join(crlf ? '\r\n' : '\n');
          const cuts = rawCuts.map((cut) => cut % (text.length + 1));
          const ours = parseInChunks(text, cuts);
          const theirs = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
          expect(ours.errors).toEqual([]);
          expect(ours.records.map((r) => r.fields)).toEqual(theirs);
          // Line numbers: each record starts one line after the previous one ended.
          let line = 1;
          ours.records.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += 1 + (records[i].map(toCsvField).join(',').match(/\n/g)?.length ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary input, and reports every line as a record, an error or blank', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 5 }), (text, rawCuts) => {
        const cuts = rawCuts.map((cut) => cut % (text.length + 1));
        const whole = parseInChunks(text);
        const chunked = parseInChunks(text, cuts);
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});
