export function App() {
  return <main>VocalIA</main>;
}
