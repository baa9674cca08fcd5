// Register the elements before Vue mounts, so it sets `.session` as a property on upgraded tags.
import '@dcr-elements/elements/define/dcr-session.js';
import '@dcr-elements/elements/define/dcr-record.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
