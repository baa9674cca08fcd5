import { createContext } from '@lit/context';
import type { CareRecordSession } from '@dcr-elements/core';

/** The session `<dcr-session>` provides to every `dcr-*` element inside it. */
export const sessionContext = createContext<CareRecordSession | undefined>(Symbol('dcr-session'));
