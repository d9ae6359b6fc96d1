/**
 * Block Kit limits (https://docs.slack.dev/reference/block-kit). Renderers stay inside them so Slack never
 * rejects a message with invalid_blocks; the unit tests check every renderer against these numbers.
 */
export const LIMITS = {
  /** Blocks per message. */
  blocks: 50,
  /** A section's text. */
  sectionText: 3000,
  /** A header's plain text. */
  headerText: 150,
  /** A button's label. */
  buttonText: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** An action_id or block_id. */
  actionId: 255,
  /** Elements in a context block. */
  contextElements: 10,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** The top-level `text` Slack shows in notifications; it accepts 40 000, but a notification needs far less. */
  fallbackText: 3000,
} as const;

/** How much of a passage each place shows (in characters after escaping). */
export const BUDGET = {
  /** A snippet in a result list. */
  listSnippet: 360,
  /** The digest's lead passage. */
  digestLead: 1200,
  /** The digest's other passages. */
  digestOther: 160,
  /** A section heading shown after a title. */
  section: 120,
  /** A title. */
  title: 200,
  /** Share quotes are split into sections of at most this much, leaving room for the quote markers. */
  quoteChunk: 2600,
} as const;
