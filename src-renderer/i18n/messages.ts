// Every message of the desk, per language: the base file (locales/<lang>.json) and one file per feature
// area (locales/features/<feature>.<lang>.json, each holding one top-level key named after the feature),
// so work on one area never touches another's file. A feature adds its four imports, one entry in
// FEATURES and `& typeof <feature>En` in MessageSchema.
import type { Language } from '../../src-shared/domain/languages';
import da from './locales/da.json';
import en from './locales/en.json';
import nb from './locales/nb.json';
import sv from './locales/sv.json';
import cardActionsDa from './locales/features/cardActions.da.json';
import cardActionsEn from './locales/features/cardActions.en.json';
import cardActionsNb from './locales/features/cardActions.nb.json';
import cardActionsSv from './locales/features/cardActions.sv.json';
import ordersDa from './locales/features/orders.da.json';
import ordersEn from './locales/features/orders.en.json';
import ordersNb from './locales/features/orders.nb.json';
import ordersSv from './locales/features/orders.sv.json';
import productionDa from './locales/features/production.da.json';
import productionEn from './locales/features/production.en.json';
import productionNb from './locales/features/production.nb.json';
import productionSv from './locales/features/production.sv.json';
import reportsDa from './locales/features/reports.da.json';
import reportsEn from './locales/features/reports.en.json';
import reportsNb from './locales/features/reports.nb.json';
import reportsSv from './locales/features/reports.sv.json';
import signInDa from './locales/features/signIn.da.json';
import signInEn from './locales/features/signIn.en.json';
import signInNb from './locales/features/signIn.nb.json';
import signInSv from './locales/features/signIn.sv.json';

type Feature = Record<Language, Record<string, unknown>>;

const FEATURES: Feature[] = [
  { en: ordersEn, sv: ordersSv, da: ordersDa, nb: ordersNb },
  { en: productionEn, sv: productionSv, da: productionDa, nb: productionNb },
  { en: cardActionsEn, sv: cardActionsSv, da: cardActionsDa, nb: cardActionsNb },
  { en: reportsEn, sv: reportsSv, da: reportsDa, nb: reportsNb },
  { en: signInEn, sv: signInSv, da: signInDa, nb: signInNb },
];

export type MessageSchema = typeof en &
  typeof ordersEn &
  typeof productionEn &
  typeof cardActionsEn &
  typeof reportsEn &
  typeof signInEn;

function compose(language: Language): MessageSchema {
  const base = { en, sv, da, nb }[language];
  return Object.assign({}, base, ...FEATURES.map((feature) => feature[language])) as MessageSchema;
}

export const MESSAGES: Record<Language, MessageSchema> = {
  en: compose('en'),
  sv: compose('sv'),
  da: compose('da'),
  nb: compose('nb'),
};
