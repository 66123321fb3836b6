import { initTheme } from './theme.js';
import { installTestHook } from './test-hook.js';
import './components/app-shell.js';

initTheme();
installTestHook();
