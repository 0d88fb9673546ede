export { createCdiscPackage, STYLESHEET_FILE, type CdiscPackage, type CdiscPackageOptions } from './createCdiscPackage.js';
