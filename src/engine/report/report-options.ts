/** Options of {@link renderImpactMarkdown}. */
export interface RenderMarkdownOptions {
  /** Environment name shown in the verdict (defaults to the base snapshot's environment). */
  readonly environment?: string | undefined;
  /** meshlens server; with two stored versions the full report is linked from it. */
  readonly serverUrl?: string | undefined;
  /** Maximum length in characters (UTF-16 code units). Default {@link DEFAULT_MARKDOWN_BUDGET}. */
  readonly budget?: number | undefined;
  /** Commit the target manifests were rendered from. */
  readonly headSha?: string | undefined;
  /** Where the complete report can be read (e.g. the CI run's summary); wins over serverUrl. */
  readonly fullReportUrl?: string | undefined;
}

/** GitHub refuses comments over 65,536 characters; this leaves room for the marker. */
export const DEFAULT_MARKDOWN_BUDGET = 60_000;
