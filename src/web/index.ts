// The web application: its page and the static files the browser loads (the client itself is in client/).
export { createWebApp } from './createWebApp.js';
