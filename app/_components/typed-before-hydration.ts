// Text typed before the page hydrated. On a slow device the server's HTML is usable before React
// is: a box typed into then holds text React never saw — React neither replays those keystrokes
// nor keeps them (hydrating a textarea writes its server text back over them; a controlled box is
// reset by its next render). A tiny inline script, run as the HTML is parsed, notes the last value
// typed into each box React does not own yet, by id; the form fields (app/_components/form.tsx)
// take it once React is live. Nothing is sent anywhere.

declare global {
  interface Window {
    __loopkitTypedBeforeHydration?: Record<string, string>;
  }
}

/** The inline script for the root layout (runs before any bundle; carries the CSP nonce). */
export const TYPED_BEFORE_HYDRATION_SCRIPT = `(function(){var typed=window.__loopkitTypedBeforeHydration={};document.addEventListener('input',function(e){var box=e.target;if(!box||!box.id||(box.tagName!=='INPUT'&&box.tagName!=='TEXTAREA'))return;for(var k in box){if(k.indexOf('__reactProps')===0)return;}typed[box.id]=box.value;},true);})();`;

/** What was typed into the box with this id before React owned it, once (then forgotten). */
export function takeTypedBeforeHydration(id: string): string | undefined {
  const typed = window.__loopkitTypedBeforeHydration;
  if (!typed || !(id in typed)) return undefined;
  const value = typed[id];
  delete typed[id];
  return value;
}
