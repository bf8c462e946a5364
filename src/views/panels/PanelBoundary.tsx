/** One failing panel shows its own error and never blanks the others (the wall runs unattended). */
import { Component, type ReactNode } from 'react';

interface Props {
  name: string;
  label: string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(prev: Props) {
    // New data may fix what failed: try again when the panel's inputs change.
    if (this.state.error && prev.children !== this.props.children) this.setState({ error: null });
  }

  render() {
    if (this.state.error)
      return (
        <div className="panel-error" role="alert" data-panel-error={this.props.name}>
          <strong>{this.props.label}</strong>
          <span>{this.state.error.message}</span>
        </div>
      );
    return this.props.children;
  }
}
