import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type HelloReply } from '../../utils/messaging';

export function App() {
  const [hello, setHello] = useState<HelloReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendMessage('hello', { client: 'popup' }).then(setHello, (reason: Error) => setError(reason.message));
  }, []);
  return (
    <main style={{ font: '13px system-ui, sans-serif', minWidth: '280px', padding: '10px' }}>
      <h1 style={{ fontSize: '15px', margin: '0 0 6px' }}>gexmap</h1>
      <p data-testid="status" data-status={hello ? 'ready' : error ? 'error' : 'connecting'}>
        {hello ? `Background ${hello.version} answered.` : error ? `Background unreachable: ${error}` : 'Connecting…'}
      </p>
      <p style={{ color: '#666' }}>Dealer sign model: classic (dealers long calls, short puts) — an assumption, not an observation.</p>
    </main>
  );
}
