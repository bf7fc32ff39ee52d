// nhs-number-validator ships no types: one function, modulus 11 over a 10-digit string.
declare module 'nhs-number-validator' {
  export function validate(nhsNumber: string | number): boolean;
}
