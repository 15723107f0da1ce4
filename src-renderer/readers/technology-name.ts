// A chip's technology as the operator's language names it. The core sends the technology's code
// (`iso14443a_uid`); a code this screen has no name for is shown as it came, rather than not at all.
export interface TechnologyTranslator {
  t(key: string): string;
  te(key: string): boolean;
}

export function technologyName(technology: string, i18n: TechnologyTranslator): string {
  const key = `credentialTechnologies.${technology}`;
  return i18n.te(key) ? i18n.t(key) : technology;
}
