import { setupSecretScan } from './secret-scan-global';

export default setupSecretScan;
