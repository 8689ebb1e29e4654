/**
 * Options for a message that reveals something about the person (what they asked, what happened to
 * them). Telegram then does not let it be forwarded or saved, so it cannot easily leave the phone.
 */
export function sensitive<T extends object>(other: T): T & { protect_content: true } {
  return { ...other, protect_content: true };
}
