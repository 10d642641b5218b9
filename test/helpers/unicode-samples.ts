/** A sample of every block the bundled fallback font covers, as written in unicode-blocks.yaml's summary. */
export const BLOCK_SAMPLES: Readonly<Record<string, string>> = {
  'Latin-1': 'é ñ ß ¿ © ± ×',
  'Latin Extended-A': 'Ł ő ž Œ',
  'Latin Extended-B': 'ƒ ǅ ș Ʒ',
  Greek: 'α β Ω λ',
  Cyrillic: 'Ж я Ё щ',
  'General Punctuation': '“ ” ‘ ’ † ‰ • … — –',
  Arrows: '→ ↔ ⇒ ↑ ↳',
  'Mathematical Operators': '≤ ≥ ≠ ∀ ∞ ∑ √',
  'Letterlike Symbols': '℃ ™ ℕ ℓ №',
  'Box Drawing': '─ │ ┌ ╬ ┘',
  'Geometric Shapes': '■ □ ▲ ◆ ● ○',
  'Miscellaneous Symbols': '☐ ☑ ★ ⚠ ♥ ☠ ☢',
};

export const SAMPLE_CHARACTERS: readonly string[] = Object.values(BLOCK_SAMPLES).flatMap((s) => s.split(' '));
