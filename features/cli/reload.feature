Feature: reload, in virtual time
  A confirmed reload takes the router down at once: its SAs are gone without a word to the
  peers, its interfaces stop. About fifty virtual seconds later it has booted its startup
  configuration, with the clock of a 2600 starting again at *Mar  1 00:00:00.

  Background:
    Given the lab "ted-doc"
    And host "13.13.13.14" pings "12.12.12.13"
    And the ping shows ".!!!!"

  Scenario: A saved configuration reloads after the confirmation alone
    When I run "reload" on "fred"
    Then the output is exactly:
      """
      Proceed with reload? [confirm]
      """
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "....."
    When 60 seconds pass
    Then the debug log of "fred" contains in order:
      """
      %SYS-5-RELOAD: Reload requested by console.
      *Mar  1 00:00:05.000: %LINK-3-UPDOWN: Interface FastEthernet0/0, changed state to up
      %SYS-5-CONFIG_I: Configured from memory by console
      %SYS-5-RESTART: System restarted --
      *Mar  1 00:00:06.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface FastEthernet0/0, changed state to up
      """
    When I run "show crypto isakmp sa" on "fred"
    Then the output does not contain "QM_IDLE"
    When I run "show crypto isakmp sa" on "Daphne"
    Then the output contains "QM_IDLE"

  Scenario: Daphne's old SA meets a fred that no longer knows it; fred's own traffic brings the tunnel back (after ARP and TED)
    When I run "reload" on "fred"
    And 60 seconds pass
    And host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "....."
    And the debug log of "fred" contains "%CRYPTO-4-RECVD_PKT_INV_SPI"
    When host "12.12.12.13" pings "13.13.13.14"
    And host "12.12.12.13" pings "13.13.13.14"
    And host "12.12.12.13" pings "13.13.13.14"
    Then the ping shows "!!!!!"
    When host "13.13.13.14" pings "12.12.12.13"
    Then the ping shows "!!!!!"

  Scenario: A modified configuration asks to be saved first; what is not saved is lost
    When I configure "fred" with:
      """
      hostname fred-new
      """
    And I run "reload" on "fred"
    Then the output is exactly:
      """

      System configuration has been modified. Save? [yes/no]: 
      """
    When I run "no" on "fred"
    Then the output is exactly:
      """
      Proceed with reload? [confirm]
      """
    When 60 seconds pass
    And I run "show running-config | include hostname" on "fred"
    Then the output is exactly:
      """
      hostname fred
      """

  Scenario: Typing anything but Return or y at the confirmation keeps the router up
    When I type on "fred":
      """
      reload
      n
      """
    Then the output is exactly:
      """
      fred#reload
      Proceed with reload? [confirm]n
      fred#
      """
