/** The workbench's entry point. */
import './components/workbench-app.ts';
