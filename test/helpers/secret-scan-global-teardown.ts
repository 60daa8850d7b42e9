import { teardownSecretScan } from './secret-scan-global';

export default teardownSecretScan;
