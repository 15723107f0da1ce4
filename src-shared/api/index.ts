export * from './result';
export * from './methods';
export * from './events';
export * from './client';
export * from './schemas';
export * from './readers';
