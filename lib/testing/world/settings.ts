/** Per-account settings the API can change: whether AI-generated works are shown. */
export class AccountSettings {
  private readonly hiddenAi = new Set<number>();

  /** `show_ai`: whether the account sees AI-generated works in listings. */
  showAi(userId: number): boolean {
    return !this.hiddenAi.has(userId);
  }

  /** `POST /v1/user/ai-show-settings/edit`. */
  setShowAi(userId: number, show: boolean): void {
    if (show) this.hiddenAi.delete(userId);
    else this.hiddenAi.add(userId);
  }
}
