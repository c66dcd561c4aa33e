// Set by esbuild.config.mjs in every bundle it builds for use (not in --watch builds, whose code changes under one stamp).
declare const OPS_LENS_ENGINE: string | undefined;

/**
 * A digest of the analysis code and grammars of this build: analyses kept on disk (AnalysisStore) by another build
 * are made again. Undefined when running from source, whose code can change without the stamp: nothing is kept.
 */
export const ENGINE_STAMP: string | undefined = typeof OPS_LENS_ENGINE === 'string' ? OPS_LENS_ENGINE : undefined;
