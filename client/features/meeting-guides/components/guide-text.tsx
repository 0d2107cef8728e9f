/** A guide's plain-text body as paragraphs (split at blank lines). Text only: never parsed as HTML. */
export function GuideText({ body }: { body: string }) {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="stack-sm guide-text">
      {paragraphs.map((paragraph, index) => (
        // Paragraphs have no identity of their own; their order is the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: static text split once
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
