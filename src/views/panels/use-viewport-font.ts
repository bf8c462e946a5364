/** A base font size proportional to the viewport height, so charts scale with the screen (wall mode). */
import { useEffect, useState } from 'react';

export function useViewportFont(share: number, min = 12): number {
  const compute = () => Math.max(min, Math.round(window.innerHeight * share));
  const [font, setFont] = useState(compute);
  useEffect(() => {
    const onResize = () => setFont(Math.max(min, Math.round(window.innerHeight * share)));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [share, min]);
  return font;
}
