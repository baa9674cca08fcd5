// Entry of /demo/viewer/ (also served at /viewer/): mounts the Shared Record Viewer.
import { ViewerApp } from './viewer-app.js';

new ViewerApp(document.getElementById('app')!);
