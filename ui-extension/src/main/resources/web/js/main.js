import { initTheme } from './theme.js';
import './components/app-shell.js';

initTheme();
