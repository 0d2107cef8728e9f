/** The links of a crisis line, the same in the client's help dialog and the server's first HTML. */

/** "1-800-662-4357" → tel:18006624357. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** "741741" → sms:741741; "HOME 741741" → sms:741741 with HOME as the message body; null when there is no number to text. */
export function smsHref(text: string): string | null {
  const number = text.replace(/[^0-9+]/g, '');
  if (number.length < 3) return null;
  const keyword = text.replace(/[0-9+()\- ]/g, '');
  return keyword ? `sms:${number}?&body=${encodeURIComponent(keyword)}` : `sms:${number}`;
}
