// Client-side mirror of the server's password policy (≥ 10 characters, 3 of 4 character classes);
// it gives instant feedback, the server stays the authority.
export const MIN_PASSWORD_LENGTH = 10
export const MIN_CHARACTER_CLASSES = 3

export type PolicyProblem = 'tooShort' | 'tooFewClasses'

export function characterClasses(password: string): number {
  let n = 0
  if (/[a-z]/.test(password)) n++
  if (/[A-Z]/.test(password)) n++
  if (/[0-9]/.test(password)) n++
  if (/[^a-zA-Z0-9]/.test(password)) n++
  return n
}

export function passwordProblem(password: string): PolicyProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort'
  if (characterClasses(password) < MIN_CHARACTER_CLASSES) return 'tooFewClasses'
  return null
}
