// Register the elements before Angular renders, so `[session]` sets the upgraded property.
import '@dcr-elements/elements/define/dcr-session.js';
import '@dcr-elements/elements/define/dcr-record.js';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch(
  (error: unknown) => console.error(error),
);
