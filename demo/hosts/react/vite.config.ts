import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset paths, so the built page works wherever it is served.
export default defineConfig({ base: './', plugins: [react()] });
