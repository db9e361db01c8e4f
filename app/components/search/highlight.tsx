// Renders text the search engine marked (U+E000 … U+E001) with <mark> elements. The text is rendered by React as
// text, so nothing from the index is ever interpreted as HTML.
export function Highlight({ parts }: { parts: { text: string; hit: boolean }[] }) {
  return (
    <>
      {parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
