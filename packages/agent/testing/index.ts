export { FakeEmbeddingsServer } from './fake-embeddings-server';
