import { controlsStyles } from '../shared/controls.styles.js';
import { entryTableStyles } from '../shared/entry-table.styles.js';
import { sectionStyles } from '../shared/section.styles.js';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [tokens, sectionStyles, controlsStyles, entryTableStyles];
