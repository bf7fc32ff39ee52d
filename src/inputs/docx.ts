/**
 * A Word document (.docx) as a draft: its text, one paragraph a line, read with mammoth (a
 * well-kept reader of Word's XML, loaded only for .docx files). Line N of a finding in a
 * Word document is its paragraph N, counting empty paragraphs; columns count characters in it.
 */
import { InputError } from '../errors.js';

export async function docxText(buf: Buffer, shown: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: buf })).value;
  } catch (e) {
    throw new InputError(`${shown}: could not be read as a Word document (${(e as Error).message.split('\n')[0]}). Open it in Word and save it again as .docx, or as plain text.`);
  }
  // mammoth ends every paragraph with a blank line: one paragraph, one line
  return raw.replace(/\r\n?/g, '\n').replace(/\n\n/g, '\n').replace(/\n+$/, '\n');
}
