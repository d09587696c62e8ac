// Reads the bulk-invitation CSV in the browser (RFC 4180: quoted fields, doubled quotes, CRLF).
// Columns: name, email, optional extra time in minutes, optional external reference; a header row
// naming them may come first, in any order.
export const MAX_BYTES = 1024 * 1024;
export const MAX_ROWS = 2000;

export function parseCsv(text) {
  const rows = [];
  let row = [];
  let value = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') { value += '"'; i += 1; } else if (char === '"') { quoted = false; } else { value += char; }
    } else if (char === '"' && value === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(value); value = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      row.push(value); rows.push(row); row = []; value = '';
    } else {
      value += char;
    }
  }
  if (value !== '' || row.length) { row.push(value); rows.push(row); }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const HEADERS = {
  name: ['name', 'candidate', 'candidate name', 'full name'],
  email: ['email', 'e-mail', 'email address', 'candidate email'],
  extraTime: ['extra time', 'extra time (minutes)', 'extratimeminutes', 'extra_time', 'extra minutes'],
  externalReference: ['external reference', 'externalreference', 'reference', 'external_reference', 'ref'],
};

/**
 * The rows as invitation candidates: `{ line, name, email, extraTimeMinutes, externalReference, problem }`.
 * A row the browser can already tell is wrong carries `problem` (and is not sent); the server judges the rest.
 */
export function invitationRows(text) {
  const rows = parseCsv(text);
  if (!rows.length) return [];
  let columns = { name: 0, email: 1, extraTime: 2, externalReference: 3 };
  let first = 0;
  const header = rows[0].map((cell) => cell.trim().toLowerCase());
  if (header.some((cell) => HEADERS.email.includes(cell))) {
    columns = Object.fromEntries(Object.entries(HEADERS).map(([key, names]) => [key, header.findIndex((cell) => names.includes(cell))]));
    first = 1;
  }
  return rows.slice(first).map((cells, index) => {
    const cell = (key) => (columns[key] >= 0 && cells[columns[key]] !== undefined ? cells[columns[key]].trim() : '');
    const row = { line: index + first + 1, name: cell('name'), email: cell('email'), extraTimeMinutes: null, externalReference: cell('externalReference') || null, problem: null };
    const extra = cell('extraTime');
    if (!row.name) row.problem = 'The name is missing.';
    else if (!row.email) row.problem = 'The email address is missing.';
    else if (extra && !/^\d{1,3}$/.test(extra)) row.problem = `Extra time "${extra}" is not a whole number of minutes.`;
    if (extra && /^\d{1,3}$/.test(extra)) row.extraTimeMinutes = Number(extra);
    return row;
  });
}
