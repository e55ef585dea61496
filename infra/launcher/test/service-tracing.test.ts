import { FLEET, repoFile } from './repo-files';

const SERVICES = Object.keys(FLEET);

describe('tracing in every service', () => {
  it.each(SERVICES)('when %s starts, then its main.ts loads tracing before anything else, under its own name', (service) => {
    const [firstImport] = repoFile('services', service, 'src', 'main.ts').split('\n').filter((line) => line.startsWith('import '));
    expect(firstImport).toBe("import './tracing';");
    expect(repoFile('services', service, 'src', 'tracing.ts')).toContain(`startTracing('${service}');`);
  });
});
