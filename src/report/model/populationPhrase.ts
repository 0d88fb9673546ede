/**
 * A population's name inside a sentence or title: "Full analysis set" -> "full analysis set", keeping
 * acronyms and the rest as written ("Responders (IRC) in the full analysis set" -> "responders (IRC)
 * in the full analysis set"; lower-casing the whole name printed "responders (irc)").
 */
export function populationPhrase(name: string): string {
  const firstWord = /^\S+/.exec(name)?.[0] ?? '';
  const isAcronym = firstWord.length > 1 && firstWord === firstWord.toUpperCase() && /[A-Z]/.test(firstWord);
  return isAcronym ? name : name.charAt(0).toLowerCase() + name.slice(1);
}
